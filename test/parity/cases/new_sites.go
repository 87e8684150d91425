// new(T): does the allocation escape? (escape.go newEsc, escape2.go NewBar)
package p

type Bar struct {
	i  int
	ii *int
}

func newNoEsc() int {
	p := new(int) // L: noesc
	*p = 1
	return *p
}

func newEsc() *int {
	return new(int) // L: esc
}

func NewBar() *Bar {
	return &Bar{42, nil} // L: newbar
}

func NewBarLocal() int {
	b := &Bar{42, nil} // L: newbarlocal
	return b.i
}
