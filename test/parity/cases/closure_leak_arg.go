// escape_closure.go ClosureCallArgs3: a closure called in place that stores its argument in a global.
package p

var sink interface{}

func ClosureCallArgs3() {
	x := 0         // L: x
	func(p *int) { // L: lit
		sink = p
	}(&x)
}
