// escape_indir.go constptr0: a store through a pointer is a heap store, even into a local object (Go's BAD case).
package p

type ConstPtr struct {
	p *int
	c int
}

func constptr0() {
	i := 0           // L: i
	x := &ConstPtr{} // L: x
	x.p = &i
	_ = x
}
