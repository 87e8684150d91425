// panic(v): the value escapes (C++: throw).
package p

func panicAddr() {
	x := 0 // L: x
	panic(&x)
}

func panicParam(p *int) { // L: p
	panic(p)
}
