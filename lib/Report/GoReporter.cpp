//===- GoReporter.cpp - Go's -m output ------------------------------------===//
//
// Go prints every line with the position of the thing it is about; the
// explanation of an escape comes first, then the verdict:
//   ./x.go:14:2: i escapes to heap:
//   ./x.go:14:2:   flow: ~r0 = &i:
//   ./x.go:14:2:     from &i (address-of) at ./x.go:15:9
//   ./x.go:14:2: moved to heap: i
//
//===----------------------------------------------------------------------===//

#include "cxxescape/GoReporter.h"

namespace cxxescape {

void GoReporter::report(const std::vector<GoVerdict> &Verdicts) {
  for (const GoVerdict &V : Verdicts) {
    std::string File = DisplayPath ? DisplayPath(V.File) : V.File;
    std::string Pos =
        File + ":" + std::to_string(V.Line) + ":" + std::to_string(V.Col) + ":";
    for (const std::string &E : V.Explain)
      OS << Pos << E << "\n";
    OS << Pos << " " << V.Text << "\n";
  }
  OS.flush();
}

} // namespace cxxescape
