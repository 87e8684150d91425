// escape2.go foo4: assigning one parameter to another leaks nothing.
package p

func foo4(xx, yy *int) { // L: foo4
	xx = yy
}
