//===- SiteReportTest.cpp - Per-site allocation report --------------------===//

#include "TestSupport.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <string>

namespace {

struct Reported {
  long a = 0, b = 0, c = 0; // 24 + 8 bytes of header: 32-byte cells
};

std::string capture(gc::report_format format) {
  char *buffer = nullptr;
  std::size_t size = 0;
  std::FILE *stream = open_memstream(&buffer, &size);
  gc::report_sites(stream, format);
  std::fclose(stream);
  std::string text(buffer, size);
  std::free(buffer);
  return text;
}

constexpr int kLine = __LINE__ + 4;
__attribute__((noinline)) gc::root<Reported> allocateAtKnownSite() {
  gc::root<Reported> last;
  for (int i = 0; i < 1000; ++i)
    last = gc::make<Reported>();
  return last;
}

TEST(SiteReport, TextAndJsonNameTheSiteAndCountIt) {
  gc::root<Reported> kept = allocateAtKnownSite();
  gctest::collectClean();
  std::string site = "SiteReportTest.cpp:" + std::to_string(kLine) + ":";
  std::string text = capture(gc::report_format::text);
  std::size_t at = text.find(site);
  ASSERT_NE(at, std::string::npos) << text;
  std::size_t lineStart = text.rfind('\n', at) + 1;
  unsigned long long objects, bytes, liveObjects, liveBytes;
  ASSERT_EQ(std::sscanf(text.c_str() + lineStart, "%llu %llu %llu %llu",
                        &objects, &bytes, &liveObjects, &liveBytes),
            4);
  EXPECT_EQ(objects, 1000u);
  EXPECT_EQ(bytes, 32000u);
  EXPECT_GE(liveObjects, 1u); // the kept one (plus stale stack words)
  EXPECT_LE(liveObjects, 20u);
  EXPECT_EQ(liveBytes, liveObjects * 32);
  EXPECT_NE(text.find("Reported"), std::string::npos);

  std::string json = capture(gc::report_format::json);
  EXPECT_EQ(json.front(), '{');
  EXPECT_NE(json.find("\"line\":" + std::to_string(kLine)), std::string::npos);
  EXPECT_NE(json.find("\"objects\":1000,\"bytes\":32000"), std::string::npos)
      << json;
  EXPECT_NE(json.find("\"sites\":["), std::string::npos);
}

} // namespace
