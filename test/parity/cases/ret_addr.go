// Returning the address of a parameter or a local (escape2.go foo3).
package p

func foo3(x int) *int { // L: foo3
	return &x
}

func retAddr() *int {
	i := 0 // L: i
	return &i
}
