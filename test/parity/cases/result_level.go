// Parameters that flow to the result (escape2.go foo9, escape.go leaktoret).
package p

func foo9(xx, yy *int) *int { // L: foo9
	xx = yy
	return xx
}

func level1(pp **int) *int { // L: level1
	return *pp
}

func level2(ppp ***int) *int { // L: level2
	return **ppp
}
