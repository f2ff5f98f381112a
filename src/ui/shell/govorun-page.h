/* govorun-page.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "govorun-services.h"

G_BEGIN_DECLS

#define GOVORUN_TYPE_PAGE (govorun_page_get_type ())

G_DECLARE_DERIVABLE_TYPE (GovorunPage, govorun_page, GOVORUN, PAGE, GtkWidget)

/*
 * A page of the main window. The window builds its sidebar row (icon and
 * title) and its header's "+" (action name and tooltip) from these
 * properties, so a new page is a new subclass and nothing else.
 *
 * A page declares the services it needs as writable object properties named
 * like the properties of GovorunServices ("accounts", "agents", …);
 * govorun_page_set_services() fills them in, then calls services_set().
 *
 * A page that opens a subpage inside itself (an agent's details over the
 * list) sets "subpage-title": the window's header then shows that title
 * and its back button, which calls go_back. One back path, in the header.
 */
struct _GovorunPageClass
{
  GtkWidgetClass parent_class;

  /* Every declared service is set: bind models, load data. */
  void (*services_set) (GovorunPage *self);
  /* The page became the one shown. */
  void (*shown)        (GovorunPage *self);
  /* F5: fetch what the page shows again (optional). */
  void (*refresh)      (GovorunPage *self);
  /* Back from a subpage (an agent's details) to the page's list; FALSE
   * when the page shows no subpage. */
  gboolean (*go_back)  (GovorunPage *self);
  /* Ctrl+F: focus the page's search; FALSE when it has none. */
  gboolean (*search)   (GovorunPage *self);

  gpointer padding[3];
};

const char *govorun_page_get_title          (GovorunPage     *self);
const char *govorun_page_get_icon_name      (GovorunPage     *self);
/* The header's "+" for this page: a detailed action name, and its tooltip. */
const char *govorun_page_get_action_name    (GovorunPage     *self);
const char *govorun_page_get_action_tooltip (GovorunPage     *self);
void        govorun_page_set_services       (GovorunPage     *self,
                                             GovorunServices *services);
void        govorun_page_shown              (GovorunPage     *self);
/* Runs the page's refresh, when it has one; returns whether it had. */
gboolean    govorun_page_refresh            (GovorunPage     *self);
/* The title of the subpage shown, or NULL on the page's own view. */
const char *govorun_page_get_subpage_title  (GovorunPage     *self);
void        govorun_page_set_subpage_title  (GovorunPage     *self,
                                             const char      *title);
/* Leaves the subpage shown; FALSE when there is none. */
gboolean    govorun_page_go_back            (GovorunPage     *self);
/* Focuses the page's search; FALSE when it has none. */
gboolean    govorun_page_search             (GovorunPage     *self);

G_END_DECLS
