// Assigning to a parameter variable is harmless; storing through it is
// a heap store (escape2.go foo5, foo6).
package p

func foo5(xx **int, yy *int) { // L: foo5
	xx = &yy
}

func foo6(xx **int, yy *int) { // L: foo6
	*xx = yy
}
