//===- Options.cpp - Tunables and debug modes, from env and API -----------===//

#include "Options.h"

#include <cstdlib>
#include <cstring>
#include <strings.h>

namespace gc::rt {

std::size_t parseSize(const char *text) {
  char *end = nullptr;
  unsigned long long value = std::strtoull(text, &end, 10);
  if (end == text)
    return 0;
  switch (*end) {
  case 'k':
  case 'K':
    value <<= 10;
    break;
  case 'm':
  case 'M':
    value <<= 20;
    break;
  case 'g':
  case 'G':
    value <<= 30;
    break;
  default:
    break;
  }
  return static_cast<std::size_t>(value);
}

namespace {

bool flag(const char *name) {
  const char *value = std::getenv(name);
  return value && *value && std::strcmp(value, "0") != 0;
}

} // namespace

void Options::readEnvironment() {
  const char *gogcText = std::getenv("GCRT_GOGC");
  if (!gogcText)
    gogcText = std::getenv("GOGC");
  if (gogcText && *gogcText)
    gogc = strcasecmp(gogcText, "off") == 0 ? -1 : std::atoi(gogcText);
  if (const char *text = std::getenv("GCRT_MIN_RUNWAY"))
    minRunway = parseSize(text);
  if (const char *text = std::getenv("GCRT_MAX_HEAP"))
    maxHeap = parseSize(text);
  if (const char *text = std::getenv("GCRT_RESERVE"))
    if (std::size_t bytes = parseSize(text))
      reserve = bytes;
  if (maxHeap && maxHeap < reserve)
    reserve = maxHeap;
  if (const char *text = std::getenv("GCRT_STRESS"))
    collectEvery = static_cast<unsigned>(std::strtoul(text, nullptr, 10));
  if (const char *text = std::getenv("GCRT_HUGEPAGES"))
    hugePages = std::strcmp(text, "0") != 0;
  verify = flag("GCRT_VERIFY");
  poison = flag("GCRT_POISON");
  trace = flag("GCRT_TRACE");
  if (const char *text = std::getenv("GCRT_MARK_STACK_LIMIT"))
    if (std::size_t entries = std::strtoull(text, nullptr, 10))
      markStackLimit = entries;
  if (const char *text = std::getenv("GCRT_REPORT")) {
    if (strcasecmp(text, "json") == 0)
      report = ReportAtExit::Json;
    else if (*text && std::strcmp(text, "0") != 0)
      report = ReportAtExit::Text;
  }
  reportFile = std::getenv("GCRT_REPORT_FILE");
  if (const char *text = std::getenv("GCRT_SIGNAL"))
    stopSignal = std::atoi(text);
}

} // namespace gc::rt
