namespace hooks {
// Set by Matcher::match; read only in reader.cpp.
extern const void *watched;
// Set by Matcher::match; nothing in the program reads it.
extern thread_local const void *context;
} // namespace hooks

struct Matcher {
  int state = 0;
  void match();
};
