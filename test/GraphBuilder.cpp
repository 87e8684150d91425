#include "GraphBuilder.h"

namespace cxxescape::test {

FuncId GraphBuilder::func(const std::string &Name, FuncId Parent) {
  Function F;
  F.Name = Name;
  F.Parent = Parent;
  F.IsLambda = Parent != NoFunc;
  FuncId Id = G.addFunction(F);
  G.func(Id).BodyScope = G.addScope(NoScope, Id);
  return Id;
}

ScopeId GraphBuilder::scope(FuncId F, ScopeId Outer, bool Loop) {
  if (Outer == NoScope)
    Outer = G.func(F).BodyScope;
  return G.addScope(Outer, F, false, Loop);
}

static Location makeLoc(LocKind K, FuncId F, const std::string &Name,
                        ScopeId S) {
  Location L;
  L.Kind = K;
  L.Fn = F;
  L.Name = Name;
  L.Scope = S;
  return L;
}

LocId GraphBuilder::param(FuncId F, const std::string &Name) {
  LocId L = G.addLocation(
      makeLoc(LocKind::Param, F, Name, G.func(F).BodyScope));
  G.func(F).Params.push_back(L);
  return L;
}

LocId GraphBuilder::result(FuncId F, int Index) {
  LocId L = G.addLocation(makeLoc(LocKind::Result, F,
                                  "~r" + std::to_string(Index - 1),
                                  G.func(F).BodyScope));
  G.loc(L).ResultIndex = Index;
  G.loc(L).Attrs |= AttrPersists;
  G.func(F).Result = L;
  return L;
}

LocId GraphBuilder::local(FuncId F, const std::string &Name, ScopeId S) {
  if (S == NoScope)
    S = G.func(F).BodyScope;
  LocId L = G.addLocation(makeLoc(LocKind::Variable, F, Name, S));
  G.loc(L).Attrs |= AttrPersists;
  return L;
}

LocId GraphBuilder::alloc(FuncId F, const std::string &Name, ScopeId S) {
  if (S == NoScope)
    S = G.func(F).BodyScope;
  return G.addLocation(makeLoc(LocKind::Alloc, F, Name, S));
}

LocId GraphBuilder::global(const std::string &Name) {
  LocId L = G.addSink(SinkKind::Global, NoFunc, "global '" + Name + "'");
  G.loc(L).Attrs |= AttrEscapes | AttrPersists;
  return L;
}

} // namespace cxxescape::test
