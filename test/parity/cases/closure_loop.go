// escape_closure.go ClosureCallArgs7: a closure called in a loop stores its argument outside the loop.
package p

func ClosureCallArgs7() {
	var pp *int
	for {
		x := 0         // L: x
		func(p *int) { // L: lit
			pp = p
		}(&x)
	}
	_ = pp
}
