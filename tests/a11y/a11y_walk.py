"""Walking an application's AT-SPI tree and finding what a screen reader cannot use."""

import pyatspi
from gi.repository import Atspi

# Roles a user acts on: each needs a name a screen reader can say.
INTERACTIVE_ROLES = {
    pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON, pyatspi.ROLE_CHECK_BOX,
    pyatspi.ROLE_RADIO_BUTTON, pyatspi.ROLE_COMBO_BOX, pyatspi.ROLE_TEXT, pyatspi.ROLE_ENTRY,
    pyatspi.ROLE_PASSWORD_TEXT, pyatspi.ROLE_LIST_ITEM, pyatspi.ROLE_PAGE_TAB,
    pyatspi.ROLE_MENU_ITEM, pyatspi.ROLE_CHECK_MENU_ITEM, pyatspi.ROLE_RADIO_MENU_ITEM,
    pyatspi.ROLE_SLIDER, pyatspi.ROLE_LINK, pyatspi.ROLE_SPIN_BUTTON, pyatspi.ROLE_MENU,
}
# Windows within the window: a screen reader says their name when they open.
POPUP_ROLES = {pyatspi.ROLE_DIALOG, pyatspi.ROLE_POPUP_MENU, pyatspi.ROLE_WINDOW}
# Objects a screen reader announces by their name alone.
NAMED_ROLES = POPUP_ROLES | {pyatspi.ROLE_ALERT}
# Roles that say nothing about what an object does.
VAGUE_ROLES = {pyatspi.ROLE_UNKNOWN, pyatspi.ROLE_FILLER}


def role_label(role):
    """A role's name as AT-SPI says it ("push button")."""
    return Atspi.role_get_name(role)


class Node:
    """What the checks need of one accessible object, read once (the rarely needed parts when
    first asked for: every read is a round trip to the app)."""

    __slots__ = ("role", "role_name", "name", "showing", "visible", "selected", "focused", "path", "parent",
                 "children", "accessible", "_description", "_actions")

    def __init__(self, accessible, parent):
        self.accessible = accessible
        self.parent = parent
        self.role = accessible.getRole()
        self.role_name = Atspi.role_get_name(self.role)
        self.name = accessible.name or ""
        states = accessible.getState()
        self.showing = states.contains(pyatspi.STATE_SHOWING)
        # Visible but not showing: scrolled out of its view, still there to be read and scrolled to.
        self.visible = states.contains(pyatspi.STATE_VISIBLE)
        self.selected = states.contains(pyatspi.STATE_SELECTED)
        self.focused = states.contains(pyatspi.STATE_FOCUSED)
        self.path = (parent.path if parent else []) + [self.label()]
        self.children = []
        self._description = None
        self._actions = None

    @property
    def description(self):
        if self._description is None:
            self._description = self.accessible.description or ""
        return self._description

    @property
    def actions(self):
        if self._actions is None:
            try:
                action = self.accessible.queryAction()
                self._actions = [action.getName(i) for i in range(action.nActions)]
            except NotImplementedError:
                self._actions = []
        return self._actions

    def label(self):
        return "%s %r" % (self.role_name, self.name) if self.name else self.role_name

    def where(self):
        return " > ".join(self.path[1:])

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()


def read_tree(accessible, parent=None, depth=0, showing_only=False):
    """The tree under accessible; with showing_only, without what is under hidden objects
    (quicker, for waiting on what the screen shows)."""
    node = Node(accessible, parent)
    if depth > 60:
        raise RuntimeError("the tree is deeper than 60 levels at " + node.where())
    if showing_only and not node.showing:
        return node
    for i in range(accessible.childCount):
        child = accessible.getChildAtIndex(i)
        if child is None:
            raise RuntimeError("child %d of %s is missing" % (i, node.where()))
        node.children.append(read_tree(child, node, depth + 1, showing_only))
    return node


class Findings:
    """What one screen (a pane or a dialog) shows a screen reader, and what is wrong with it."""

    def __init__(self, title, root):
        self.title = title
        self.total = 0
        self.interactive = 0
        self.unnamed = []
        self.vague = []
        self.hidden = []
        self.out_of_order = []
        for node in root.walk():
            if node.role == pyatspi.ROLE_LIST and node.showing:
                self.out_of_order.extend(misordered_children(node))
            self.total += 1
            if not node.visible:
                # A scroll bar fades out while the list is idle, yet stays there to be used; what a
                # view has scrolled away keeps its place on screen (Qt says hidden items have none).
                if node.role != pyatspi.ROLE_SCROLL_BAR and not has_place(node):
                    self.hidden.append(node)
                continue
            if not node.showing:
                continue
            if node.role in INTERACTIVE_ROLES or node.role in NAMED_ROLES:
                self.interactive += 1
                if not node.name.strip():
                    self.unnamed.append(node)
            elif node.role in VAGUE_ROLES and node.actions:
                self.vague.append(node)

    def problems(self):
        lines = []
        for node in self.unnamed:
            lines.append("%s: %s without a name at %s" % (self.title, node.role_name, node.where()))
        for node in self.vague:
            lines.append("%s: role %s with actions %s at %s"
                         % (self.title, node.role_name, ",".join(node.actions), node.where()))
        for node, after in self.out_of_order:
            lines.append("%s: %s comes after %s in the tree but above it on screen"
                         % (self.title, node.where(), after.label()))
        # Hidden objects are reported by their topmost hidden ancestor, with how many are under it.
        for top, count in hidden_roots(self.hidden):
            lines.append("%s: hidden but in the tree (%d objects): %s" % (self.title, count, top.where()))
        return lines

    def summary(self):
        return ("%-22s %4d objects, %3d showing interactive, %2d unnamed, %2d vague roles, "
                "%3d hidden in the tree, %d out of order"
                % (self.title, self.total, self.interactive, len(self.unnamed), len(self.vague),
                   len(self.hidden), len(self.out_of_order)))


def has_place(node):
    try:
        extents = node.accessible.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
    except NotImplementedError:  # no place on screen at all
        return False
    return extents.width > 0 and extents.height > 0


def misordered_children(node):
    """A list's items read in the order they stand on screen, top to bottom."""
    found = []
    previous = None
    for child in node.children:
        # What is read in order: the items, not the list's scroll bar.
        if not child.showing or child.role == pyatspi.ROLE_SCROLL_BAR:
            continue
        extents = child.accessible.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
        top = (extents.y, extents.x)
        if previous is not None and top < previous[0]:
            found.append((child, previous[1]))
        previous = (top, child)
    return found


def hidden_roots(hidden):
    roots = [node for node in hidden if node.parent is None or node.parent.visible]
    return [(root, sum(1 for _ in root.walk())) for root in roots]


def find(root, predicate):
    return [node for node in root.walk() if predicate(node)]
