// escape5.go leakrecursive1/2: a flow into the result of another function of the same recursive batch is a heap leak.
package p

func r1(p, q *int) *int { // L: r1
	return r2(q, p)
}

func r2(p, q *int) *int { // L: r2
	if *p > *q {
		return r1(q, p)
	}
	return p
}
