/// A key press, decoded from whatever the terminal sent. `KeyMap` turns it into a `Command`.
public enum Key: Sendable, Equatable, Hashable {
    case character(Character)
    case up, down, left, right
    case home, end, pageUp, pageDown
    case function(Int)
    case enter, escape, backspace, tab
    /// Ctrl + a letter (lower case), e.g. `.control("c")`.
    case control(Character)
    /// A mouse click at a cell (column, row).
    case mouseClick(x: Int, y: Int)
    case resize
}
