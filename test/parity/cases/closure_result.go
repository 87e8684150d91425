// esc2.go: a closure called where it is written returns the address of its parent's variable.
package p

func closureResult() {
	var u int // L: u
	p := func() *int { // L: lit
		return &u
	}()
	*p = 42
}
