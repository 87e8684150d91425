// A returned closure leaks what it captures by value.
package p

func capture(p *int) func() *int { // L: p
	return func() *int { // L: lit
		return p
	}
}
