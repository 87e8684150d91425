// A variable of a loop body whose address outlives the iteration
// (escape2.go foo72a, foo80, foo81).
package p

func foo72a() {
	var y [10]*int
	for i := 0; i < 10; i++ {
		x := i // L: x
		y[i] = &x
	}
	_ = y
}

func foo80() *int {
	var z *int
	for {
		z = new(int) // L: new80
	}
	_ = z
	return nil
}

func foo81() *int {
	for {
		z := new(int) // L: new81
		_ = z
	}
	return nil
}
