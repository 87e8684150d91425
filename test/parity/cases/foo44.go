// escape2.go foo44: a parameter stored in a global's field.
package p

type Foo struct {
	x  int
	xx *int
}

var F Foo

func foo44(yy *int) { // L: foo44
	F.xx = yy
}

func foo45() {
	F.x = F.x // L: foo45
}
