//===- ChunkedVector.h - A vector that grows without moving ----*- C++ -*-===//
//
// The graph's largest tables (locations, calls) grow to hundreds of
// megabytes while units are linked. A std::vector doubles by copying: for a
// moment it holds the old and the new buffer, up to three times the table,
// and that moment is the process's peak memory. This one grows by chunks of
// a fixed size that never move: the peak is the table itself, and element
// references stay valid as it grows.
//
//===----------------------------------------------------------------------===//
#ifndef CXXESCAPE_CHUNKEDVECTOR_H
#define CXXESCAPE_CHUNKEDVECTOR_H

#include <algorithm>
#include <cstddef>
#include <iterator>
#include <vector>

namespace cxxescape {

template <class T> class ChunkedVector {
  /// About 512 KiB to 1 MiB a chunk, a power of two elements.
  static constexpr size_t chunkBits() {
    size_t Bits = 0;
    while ((size_t(2) << Bits) * sizeof(T) <= (size_t(1) << 20))
      ++Bits;
    return Bits;
  }
  static constexpr size_t Bits = chunkBits();
  static constexpr size_t ChunkSize = size_t(1) << Bits;
  static constexpr size_t Mask = ChunkSize - 1;

public:
  using value_type = T;

  size_t size() const { return Size; }
  bool empty() const { return Size == 0; }
  T &operator[](size_t I) { return Chunks[I >> Bits][I & Mask]; }
  const T &operator[](size_t I) const { return Chunks[I >> Bits][I & Mask]; }
  T &back() { return (*this)[Size - 1]; }

  template <class... Args> T &emplace_back(Args &&...A) {
    std::vector<T> &Last = lastWithRoom();
    Last.emplace_back(std::forward<Args>(A)...);
    ++Size;
    return Last.back();
  }
  void push_back(T &&V) { emplace_back(std::move(V)); }
  void push_back(const T &V) { emplace_back(V); }

  void clear() {
    Chunks.clear();
    Size = 0;
  }
  /// Grows with default-constructed elements, or shrinks.
  void resize(size_t N) {
    while (Size > N) {
      Chunks.back().pop_back();
      if (Chunks.back().empty())
        Chunks.pop_back();
      --Size;
    }
    while (Size < N) {
      std::vector<T> &Last = lastWithRoom();
      size_t Add = std::min(N - Size, ChunkSize - Last.size());
      Last.resize(Last.size() + Add);
      Size += Add;
    }
  }

  template <class Owner, class Elem> class Iter {
  public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = T;
    using difference_type = std::ptrdiff_t;
    using pointer = Elem *;
    using reference = Elem &;
    Iter(Owner *V, size_t I) : V(V), I(I) {}
    Elem &operator*() const { return (*V)[I]; }
    Elem *operator->() const { return &(*V)[I]; }
    Iter &operator++() {
      ++I;
      return *this;
    }
    Iter operator++(int) {
      Iter Old = *this;
      ++I;
      return Old;
    }
    bool operator==(const Iter &O) const { return I == O.I; }
    bool operator!=(const Iter &O) const { return I != O.I; }

  private:
    Owner *V;
    size_t I;
  };
  using iterator = Iter<ChunkedVector, T>;
  using const_iterator = Iter<const ChunkedVector, const T>;
  iterator begin() { return {this, 0}; }
  iterator end() { return {this, Size}; }
  const_iterator begin() const { return {this, 0}; }
  const_iterator end() const { return {this, Size}; }

private:
  std::vector<std::vector<T>> Chunks; // all full but the last
  size_t Size = 0;

  std::vector<T> &lastWithRoom() {
    if (Chunks.empty() || Chunks.back().size() == ChunkSize)
      Chunks.emplace_back();
    // A copied chunk has no spare capacity: reserve, so that it grows once.
    if (Chunks.back().capacity() < ChunkSize)
      Chunks.back().reserve(ChunkSize);
    return Chunks.back();
  }
};

} // namespace cxxescape

#endif
