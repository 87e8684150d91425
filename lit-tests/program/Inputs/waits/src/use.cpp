#include "env.h"

void waited() {
  State state;
  startThread(&State::run, &state);
  waitUntilDone(state);
}

void slept() {
  State state;
  startThread(&State::run, &state);
  sleepMillis(100);
}

void registered() {
  Registration r;
  sleepMillis(1);
}
