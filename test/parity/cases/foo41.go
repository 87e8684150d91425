// escape2.go foo41/foo42-like: a parameter stored into a local struct, then through a pointer.
package p

type Foo struct {
	x  int
	xx *int
}

var F Foo

func foo41(x int) { // L: foo41
	F.xx = &x
}

func (f *Foo) foo42(x int) { // L: foo42
	f.xx = &x
}

func foo43(g *Foo, x int) { // L: foo43
	g.xx = &x
}
