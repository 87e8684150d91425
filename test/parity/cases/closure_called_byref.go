// A closure called where it is written does not escape, nor does what it captures (esc2.go).
package p

func called() int {
	x := 0
	func() { // L: lit
		x = 1
	}()
	return x
}
