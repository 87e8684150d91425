// escape2.go foo10: copying pointer-free values through pointers.
package p

func foo10(xx, yy *int) { // L: foo10
	*xx = *yy
}
