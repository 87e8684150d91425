// escape_closure.go ClosureCallArgs1/2: a closure called in place, with an argument it does not keep.
package p

func ClosureCallArgs1() {
	x := 0
	for {
		func(p *int) { // L: lit1
			*p = 1
		}(&x)
	}
}

func ClosureCallArgs2() {
	for {
		x := 0
		func(p *int) { // L: lit2
			*p = 1
		}(&x)
	}
}
