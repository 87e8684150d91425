// Closures: returned ones escape, and so do the variables they capture by
// reference (escape2.go foo21a, foo22).
package p

func foo21a() func() int {
	x := 42             // L: x
	return func() int { // L: lit
		x++
		return x
	}
}

func foo22() int {
	x := 42
	return func() int { // L: called
		return x
	}()
}

func byValue() func() int {
	x := 1
	return func() int { // L: byvalue
		return x
	}
}
