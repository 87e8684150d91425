// escape2.go foo11: pointers to locals used only locally.
package p

func foo11() int {
	x, y := 0, 42
	xx := &x
	yy := &y
	*xx = *yy
	return x
}
