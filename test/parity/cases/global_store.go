// Storing an address in a global (escape2.go foo1).
package p

var gxx *int

func foo1(x int) { // L: foo1
	gxx = &x
}

func local() {
	y := 0 // L: y
	gxx = &y
}
