// escape2.go foo2: a pointer stored in a global leaks.
package p

var gxx *int

func foo2(yy *int) { // L: foo2
	gxx = yy
}
