// Go's size limits (HeapAllocReason): new(T) larger than 64 KiB goes to the
// heap, "too large for stack"; make([]T, N) with a constant N is an
// allocation site of its own (C++: a std::vector of constant size).
package p

type Big struct {
	data [100000]byte
}

type Small struct {
	data [16]byte
}

func big() byte {
	b := new(Big) // L: big
	return b.data[0]
}

func small() byte {
	s := new(Small) // L: small
	return s.data[0]
}

func slice() int {
	s := make([]int, 8) // L: slice
	return s[0]
}

var gs []int

func sliceEscapes() {
	s := make([]int, 8) // L: slice_escapes
	gs = s
}
