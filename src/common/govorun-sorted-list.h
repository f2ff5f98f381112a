/* govorun-sorted-list.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/*
 * GovorunSortedList is a GListModel of a few GObjects kept in order and
 * found by a string key (a uuid): the accounts and the agents. It is for
 * short lists a person manages by hand; lists that grow with use (calls,
 * contacts) are lazy models over SQL instead.
 */

/* The item's key: borrowed, stable while the item is in the list. */
typedef const char *(*GovorunSortedListKeyFunc) (gpointer item);

#define GOVORUN_TYPE_SORTED_LIST (govorun_sorted_list_get_type ())

G_DECLARE_DERIVABLE_TYPE (GovorunSortedList, govorun_sorted_list, GOVORUN, SORTED_LIST, GObject)

struct _GovorunSortedListClass
{
  GObjectClass parent_class;
};

/* For subclasses: set once, from their init. @compare gets two items. */
void      govorun_sorted_list_setup         (GovorunSortedList        *self,
                                             GType                     item_type,
                                             GCompareFunc              compare,
                                             GovorunSortedListKeyFunc  key);

/* Borrowed; NULL when no item has @key. */
gpointer  govorun_sorted_list_find          (GovorunSortedList        *self,
                                             const char               *key);
gboolean  govorun_sorted_list_find_position (GovorunSortedList        *self,
                                             const char               *key,
                                             guint                    *out_position);
/* The item at @position, borrowed; for walking the list. */
gpointer  govorun_sorted_list_peek          (GovorunSortedList        *self,
                                             guint                     position);
guint     govorun_sorted_list_get_length    (GovorunSortedList        *self);
/* Adds @item (a reference is taken) in its place. */
void      govorun_sorted_list_insert        (GovorunSortedList        *self,
                                             gpointer                  item);
/* Removes the item with @key; FALSE when there was none. */
gboolean  govorun_sorted_list_remove        (GovorunSortedList        *self,
                                             const char               *key);
/* After @item's fields changed: moves it where it now belongs, or tells
 * the views it changed in place. */
void      govorun_sorted_list_resort        (GovorunSortedList        *self,
                                             gpointer                  item);
/* Replaces every item with @items (references are taken; sorted here). */
void      govorun_sorted_list_replace_all   (GovorunSortedList        *self,
                                             GPtrArray                *items);
/* Removes every item. */
void      govorun_sorted_list_clear         (GovorunSortedList        *self);

G_END_DECLS
