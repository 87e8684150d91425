// A parameter stored in a returned struct value leaks to the result.
package p

type S struct {
	p *int
	q *int
}

func wrap(p *int) S { // L: wrap
	return S{p, nil}
}

func unwrap(s *S) *int { // L: unwrap
	return s.q
}
