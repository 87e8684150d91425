//===- Config.cpp - .cxx-escape.json / .cxx-escape.yaml -------------------===//

#include "Config.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/YAMLParser.h"
#include "llvm/Support/raw_ostream.h"

namespace cxxescape::driver {

const char *const ConfigFileNames[2] = {".cxx-escape.yaml", ".cxx-escape.json"};

namespace {

const char *const Levels[] = {"warning", "error", "note"};

/// The file's content as a generic tree: a string, a list of strings or a
/// map from strings to strings, whichever format it was written in.
struct Value {
  std::optional<std::string> Scalar;
  std::optional<std::vector<std::string>> List;
  std::optional<std::map<std::string, std::string>> Map;
};

bool setKey(Config &C, const std::string &Key, const Value &V,
            std::string &Error) {
  auto NeedScalar = [&](std::optional<std::string> &Out) {
    if (!V.Scalar) {
      Error = "key '" + Key + "' takes a string";
      return false;
    }
    Out = *V.Scalar;
    return true;
  };
  if (Key == "checks")
    return NeedScalar(C.Checks);
  if (Key == "header-filter")
    return NeedScalar(C.HeaderFilter);
  if (Key == "exclude") {
    if (V.Scalar)
      C.Exclude = {*V.Scalar};
    else if (V.List)
      C.Exclude = *V.List;
    else {
      Error = "key 'exclude' takes a glob or a list of globs";
      return false;
    }
    return true;
  }
  if (Key == "models") {
    if (V.Scalar)
      C.Models = {*V.Scalar};
    else if (V.List)
      C.Models = *V.List;
    else {
      Error = "key 'models' takes a file or a list of files";
      return false;
    }
    return true;
  }
  if (Key == "unknown-calls") {
    if (!V.Scalar || (*V.Scalar != "ignore" && *V.Scalar != "escape")) {
      Error = "key 'unknown-calls' takes 'ignore' or 'escape'";
      return false;
    }
    C.UnknownCalls = *V.Scalar;
    return true;
  }
  if (Key == "interprocedural") {
    if (!V.Scalar || (*V.Scalar != "true" && *V.Scalar != "false")) {
      Error = "key 'interprocedural' takes true or false";
      return false;
    }
    C.Interprocedural = *V.Scalar == "true";
    return true;
  }
  if (Key == "max-stack-alloc") {
    unsigned long long Bytes = 0;
    if (!V.Scalar || llvm::StringRef(*V.Scalar).getAsInteger(10, Bytes)) {
      Error = "key 'max-stack-alloc' takes a number of bytes";
      return false;
    }
    C.MaxStackAlloc = Bytes;
    return true;
  }
  if (Key == "severities") {
    if (!V.Map) {
      Error = "key 'severities' takes a map from rule to level";
      return false;
    }
    for (const auto &[Rule, Level] : *V.Map) {
      if (std::find(std::begin(Levels), std::end(Levels), Level) ==
          std::end(Levels)) {
        Error = "severity '" + Level + "' of '" + Rule +
                "' is not one of warning, error, note";
        return false;
      }
      C.Severities[Rule] = Level;
    }
    return true;
  }
  Error = "unknown key '" + Key + "'";
  return false;
}

std::optional<Config> parseJson(llvm::StringRef Text, std::string &Error) {
  llvm::Expected<llvm::json::Value> Doc = llvm::json::parse(Text);
  if (!Doc) {
    Error = llvm::toString(Doc.takeError());
    return std::nullopt;
  }
  const llvm::json::Object *Obj = Doc->getAsObject();
  if (!Obj) {
    Error = "the top level must be an object";
    return std::nullopt;
  }
  Config C;
  for (const auto &KV : *Obj) {
    Value V;
    if (auto S = KV.second.getAsString()) {
      V.Scalar = S->str();
    } else if (auto N = KV.second.getAsUINT64()) {
      V.Scalar = std::to_string(*N); // "max-stack-alloc": 4096
    } else if (const llvm::json::Array *A = KV.second.getAsArray()) {
      V.List.emplace();
      for (const llvm::json::Value &E : *A)
        if (auto S = E.getAsString())
          V.List->push_back(S->str());
    } else if (const llvm::json::Object *M = KV.second.getAsObject()) {
      V.Map.emplace();
      for (const auto &E : *M)
        if (auto S = E.second.getAsString())
          (*V.Map)[E.first.str()] = S->str();
    }
    if (!setKey(C, KV.first.str(), V, Error))
      return std::nullopt;
  }
  return C;
}

std::optional<std::string> scalar(llvm::yaml::Node *N) {
  if (auto *S = llvm::dyn_cast_or_null<llvm::yaml::ScalarNode>(N)) {
    llvm::SmallString<64> Storage;
    return S->getValue(Storage).str();
  }
  return std::nullopt;
}

std::optional<Config> parseYaml(llvm::StringRef Text, std::string &Error) {
  llvm::SourceMgr SM;
  std::string Diag;
  llvm::raw_string_ostream DiagOS(Diag);
  SM.setDiagHandler(
      [](const llvm::SMDiagnostic &D, void *Ctx) {
        auto *Out = static_cast<std::string *>(Ctx);
        if (Out->empty())
          *Out = "line " + std::to_string(D.getLineNo()) + ": " +
                 D.getMessage().str();
      },
      &Diag);
  llvm::yaml::Stream Stream(Text, SM);
  Config C;
  for (llvm::yaml::Document &Doc : Stream) {
    llvm::yaml::Node *Root = Doc.getRoot();
    if (!Root || llvm::isa<llvm::yaml::NullNode>(Root))
      continue;
    auto *Map = llvm::dyn_cast<llvm::yaml::MappingNode>(Root);
    if (!Map) {
      Error = Diag.empty() ? "the top level must be a mapping" : Diag;
      return std::nullopt;
    }
    for (llvm::yaml::KeyValueNode &KV : *Map) {
      std::optional<std::string> Key = scalar(KV.getKey());
      if (!Key)
        break;
      Value V;
      llvm::yaml::Node *N = KV.getValue();
      if (auto S = scalar(N)) {
        V.Scalar = S;
      } else if (auto *Seq = llvm::dyn_cast_or_null<llvm::yaml::SequenceNode>(N)) {
        V.List.emplace();
        for (llvm::yaml::Node &E : *Seq)
          if (auto S = scalar(&E))
            V.List->push_back(*S);
      } else if (auto *M = llvm::dyn_cast_or_null<llvm::yaml::MappingNode>(N)) {
        V.Map.emplace();
        for (llvm::yaml::KeyValueNode &E : *M) {
          auto K = scalar(E.getKey());
          auto S = scalar(E.getValue());
          if (K && S)
            (*V.Map)[*K] = *S;
        }
      }
      if (!Diag.empty())
        break;
      if (!setKey(C, *Key, V, Error))
        return std::nullopt;
    }
  }
  if (!Diag.empty()) {
    Error = Diag;
    return std::nullopt;
  }
  return C;
}

} // namespace

std::optional<Config> parseConfigFile(const std::string &Path,
                                      std::string &Error) {
  auto Buf = llvm::MemoryBuffer::getFile(Path);
  if (!Buf) {
    Error = Path + ": " + Buf.getError().message();
    return std::nullopt;
  }
  std::string Why;
  std::optional<Config> C =
      llvm::StringRef(Path).ends_with(".json")
          ? parseJson((*Buf)->getBuffer(), Why)
          : parseYaml((*Buf)->getBuffer(), Why);
  if (!C) {
    Error = Path + ": " + Why;
    return std::nullopt;
  }
  C->Source = Path;
  // Model paths are written relative to the file that names them.
  for (std::string &M : C->Models) {
    if (llvm::sys::path::is_absolute(M))
      continue;
    llvm::SmallString<256> Full(llvm::sys::path::parent_path(Path));
    llvm::sys::path::append(Full, M);
    llvm::sys::path::remove_dots(Full, /*remove_dot_dot=*/true);
    M = std::string(Full);
  }
  return C;
}

std::optional<Config> ConfigFinder::forPath(const std::string &Path,
                                            std::string &Error) {
  llvm::SmallString<256> Dir(Path);
  llvm::sys::fs::make_absolute(Dir);
  if (!llvm::sys::fs::is_directory(Dir))
    llvm::sys::path::remove_filename(Dir);
  std::vector<std::string> Visited;
  std::optional<Config> Result = Config{};
  for (llvm::StringRef D = Dir; !D.empty(); D = llvm::sys::path::parent_path(D)) {
    auto It = ByDir.find(D.str());
    if (It != ByDir.end()) {
      Result = It->second;
      if (!Result)
        Error = Errors[D.str()];
      break;
    }
    Visited.push_back(D.str());
    bool Found = false;
    for (const char *Name : ConfigFileNames) {
      llvm::SmallString<256> Candidate(D);
      llvm::sys::path::append(Candidate, Name);
      if (!llvm::sys::fs::exists(Candidate))
        continue;
      Result = parseConfigFile(std::string(Candidate), Error);
      Found = true;
      break;
    }
    if (Found)
      break;
  }
  for (const std::string &V : Visited) {
    ByDir[V] = Result;
    if (!Result)
      Errors[V] = Error;
  }
  return Result;
}

std::string dumpConfig(const Config &C) {
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  auto Quote = [](const std::string &S) {
    std::string Q = "'";
    for (char Ch : S)
      Q += Ch == '\'' ? std::string("''") : std::string(1, Ch);
    return Q + "'";
  };
  OS << "checks: " << Quote(C.Checks.value_or("escape-*")) << "\n";
  OS << "header-filter: " << Quote(C.HeaderFilter.value_or("")) << "\n";
  OS << "exclude: [";
  for (size_t I = 0; I < C.Exclude.size(); ++I)
    OS << (I ? ", " : "") << Quote(C.Exclude[I]);
  OS << "]\n";
  OS << "models: [";
  for (size_t I = 0; I < C.Models.size(); ++I)
    OS << (I ? ", " : "") << Quote(C.Models[I]);
  OS << "]\n";
  OS << "unknown-calls: " << Quote(C.UnknownCalls.value_or("ignore")) << "\n";
  OS << "interprocedural: "
     << (C.Interprocedural.value_or(true) ? "true" : "false") << "\n";
  OS << "max-stack-alloc: " << C.MaxStackAlloc.value_or(65536) << "\n";
  OS << "severities:";
  if (C.Severities.empty())
    OS << " {}";
  OS << "\n";
  for (const auto &[Rule, Level] : C.Severities)
    OS << "  " << Rule << ": " << Level << "\n";
  return Out;
}

} // namespace cxxescape::driver
