// An address passed to a leaking callee inside a loop.
package p

var gp *int

func keep(p *int) { // L: keep
	gp = p
}

func loopCall() {
	for i := 0; i < 3; i++ {
		x := i // L: x
		keep(&x)
	}
}
