// A closure held in a local and called through it is still known.
package p

func viaLocal() int {
	x := 0
	f := func(p *int) int { // L: lit
		return *p
	}
	return f(&x)
}
