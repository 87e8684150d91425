// escape2.go foo122/foo123-like: an allocation in a loop kept by a variable outside it.
package p

func keepInLoop() *int {
	var i *int
	for j := 0; j < 3; j++ {
		i = new(int) // L: new
	}
	_ = i
	return nil
}

func localInLoop() int {
	s := 0
	for j := 0; j < 3; j++ {
		i := new(int) // L: new2
		*i = j
		s += *i
	}
	return s
}
