// Go builds a struct with a literal; C++ may use a constructor that stores its argument through this.
package p

type Holder struct {
	p *int
}

func NewHolder(p *int) Holder { // L: ctor
	return Holder{p}
}

func useHolder() int {
	x := 0 // L: x
	h := NewHolder(&x)
	return *h.p
}
