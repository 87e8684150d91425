// An allocation inside a closure called in place.
package p

func inClosure() int {
	return func() int { // L: lit
		p := new(int) // L: new
		*p = 3
		return *p
	}()
}
