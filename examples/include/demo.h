#pragma once
#include <functional>
#include <string>
#include <vector>

namespace demo {

struct Limits {
  int MaxUsers = 16;
  int MaxRooms = 4;
};

// The process-wide configuration (points at whatever was loaded last).
extern const Limits *ActiveLimits;
void loadDefaults();
const Limits &defaultLimits();
int maxUsers(); // reads ActiveLimits

class Session {
public:
  void attachBuffer();
  int bytesBuffered() const;

private:
  char *Buffer = nullptr;
  int Used = 0;
};

using Handler = std::function<void(int)>;
void onEvent(Handler &Slot);
Handler makeCounter(int Start);

int countTokens(const char *Text);
const char *firstToken(const char *Text, char *Out);
void splitFirst(const char *Text, const char **Rest);

} // namespace demo
