// Struct values carry the addresses stored in their fields
// (escape_struct_return.go; fields are not told apart).
package p

type S struct {
	p *int
	q *int
}

var gp *int

func retStruct(x int) S { // L: x
	return S{&x, nil}
}

func localStruct() int {
	y := 0
	s := S{&y, nil}
	return *s.p
}

func fieldFlow() {
	i := 0 // L: i
	var s S
	s.p = &i
	gp = s.q
}
