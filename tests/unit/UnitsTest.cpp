// Unit tests for units, dimensions and quantity formatting.
#include "tessel/dsl/Units.h"

#include <catch2/catch.hpp>

using namespace tessel::dsl;

TEST_CASE("unit table scales and dimensions", "[units]") {
  REQUIRE(lookupUnit("KiB"));
  CHECK(lookupUnit("KiB")->scale == 8192);
  CHECK(lookupUnit("kB")->scale == 8000);
  CHECK(lookupUnit("B")->dim == dimBits());
  CHECK(lookupUnit("MHz")->scale == 1e6);
  CHECK(lookupUnit("MHz")->dim == dimFrequency());
  CHECK(lookupUnit("GB/s")->dim == dimBitsPerSecond());
  CHECK(lookupUnit("GB/s")->scale == 8e9);
  CHECK(lookupUnit("bit/cycle")->dim == dimBitsPerCycle());
  CHECK(lookupUnit("pJ")->scale == Approx(1e-12));
  CHECK(lookupUnit("mm2")->dim == dimArea());
  CHECK(lookupUnit("mW")->dim == dimPower());
  CHECK(lookupUnit("nm")->dim == dimLength());
  CHECK(lookupUnit("words")->dim == dimWords());
  CHECK(lookupUnit("furlongs") == nullptr);
}

TEST_CASE("dimension algebra", "[units]") {
  CHECK(dimBits() / Dim::of(Dim::Second) == dimBitsPerSecond());
  CHECK(dimEnergy() / Dim::of(Dim::Second) == dimPower());
  CHECK(dimLength() * dimLength() == dimArea());
  CHECK((dimBits() / dimBits()).dimensionless());
  CHECK(dimBits() != dimWords());
}

TEST_CASE("quantities print with readable units", "[units]") {
  CHECK(formatQuantity({108 * 8192.0, dimBits(), true}) == "108 KiB");
  CHECK(formatQuantity({24 * 8.0, dimBits(), true}) == "24 B");
  CHECK(formatQuantity({12, dimBits(), true}) == "12 bit");
  CHECK(formatQuantity({2e8, dimFrequency(), true}) == "200 MHz");
  CHECK(formatQuantity({0.5e-12, dimEnergy(), false}) == "500 fJ");
  CHECK(formatQuantity({3, Dim(), true}) == "3");
  CHECK(describeDim(dimFrequency()) == "a frequency");
  CHECK(describeDim(dimEnergy() * dimEnergy()) == "a quantity in J^2");
}
