module {
  wl.graph @g {
    %x = wl.bogus
  }
}
