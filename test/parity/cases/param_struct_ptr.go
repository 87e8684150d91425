// escape_param.go: a pointer to a struct whose field is stored or returned.
package p

type Pair struct {
	p *int
	q *int
}

var gp *int

func storeField(s *Pair) { // L: store
	gp = s.p
}

func setField(s *Pair, x *int) { // L: set
	s.q = x
}

func caller() {
	var s Pair
	y := 0 // L: y
	setField(&s, &y)
}
