/* ui-helpers.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "ui-helpers.h"

static gboolean
wake_up (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

gboolean
wait_until (Predicate pred,
            gpointer  data,
            guint     timeout_ms)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (timeout_ms, wake_up, &timed_out);

  while (!pred (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (id);

  return pred (data);
}

static gboolean
always_false (gpointer data)
{
  return FALSE;
}

void
settle (guint ms)
{
  wait_until (always_false, NULL, ms);
}

char *
strip_mnemonic (const char *text)
{
  GString *s = g_string_new (NULL);

  for (const char *p = text; p && *p; p++)
    if (*p != '_')
      g_string_append_c (s, *p);

  return g_string_free (s, FALSE);
}

/* Finds a visible widget of @type whose label, title or tooltip is @text. */
GtkWidget *
find_widget (GtkWidget  *root,
             GType       type,
             const char *text)
{
  if (root == NULL)
    return NULL;

  if (gtk_widget_get_mapped (root) && G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    {
      g_autofree char *label = NULL;
      const char *tooltip = gtk_widget_get_tooltip_text (root);

      if (GTK_IS_BUTTON (root) && gtk_button_get_label (GTK_BUTTON (root)))
        label = strip_mnemonic (gtk_button_get_label (GTK_BUTTON (root)));
      else if (GTK_IS_BUTTON (root) && ADW_IS_BUTTON_CONTENT (gtk_button_get_child (GTK_BUTTON (root))))
        label = strip_mnemonic (adw_button_content_get_label (ADW_BUTTON_CONTENT (gtk_button_get_child (GTK_BUTTON (root)))));
      else if (ADW_IS_PREFERENCES_ROW (root))
        label = g_strdup (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)));
      else if (GTK_IS_LABEL (root))
        label = g_strdup (gtk_label_get_text (GTK_LABEL (root)));

      g_autofree char *wanted = text ? strip_mnemonic (text) : NULL;

      if (text == NULL || g_strcmp0 (label, wanted) == 0 || g_strcmp0 (tooltip, wanted) == 0)
        return root;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, text);

      if (found != NULL)
        return found;
    }

  /* A menu button's popover is not among its children when it is a
   * separate native; look there as well. */
  if (GTK_IS_MENU_BUTTON (root) && gtk_menu_button_get_popover (GTK_MENU_BUTTON (root)) != NULL)
    return find_widget (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (root))), type, text);

  return NULL;
}

GtkWidget *
find_with_css (GtkWidget  *root,
               const char *css_class)
{
  if (gtk_widget_has_css_class (root, css_class))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_with_css (child, css_class);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
has_size (gpointer data)
{
  return gtk_widget_get_width (data) > 0 && gtk_widget_get_height (data) > 0;
}

void
screenshot (GtkWidget  *window,
            const char *name)
{
  /* A toplevel's own paintable draws nothing; its content draws everything
   * but the (client-side) shadow. */
  GtkWidget *widget = ADW_IS_APPLICATION_WINDOW (window) ?
                      adw_application_window_get_content (ADW_APPLICATION_WINDOW (window)) :
                      ADW_IS_WINDOW (window) ?
                      adw_window_get_content (ADW_WINDOW (window)) :
                      gtk_window_get_child (GTK_WINDOW (window));
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *dir = g_build_filename (g_getenv ("GOVORUN_SCREENSHOT_DIR") ?
                                           g_getenv ("GOVORUN_SCREENSHOT_DIR") : ".", NULL);
  g_autofree char *path = NULL;
  int width, height;

  settle (200);
  /* A dialog just presented on a busy machine may not be laid out yet. */
  g_assert_true (wait_until (has_size, widget, 10000));
  g_mkdir_with_parents (dir, 0755);
  path = g_build_filename (dir, name, NULL);
  /* On a loaded machine a window just shown may not be allocated yet; a
   * zero-sized texture is a critical, so wait, and give up on the shot
   * rather than the test. */
  if (!wait_until (has_size, widget, 5000))
    {
      g_test_message ("screenshot: %s skipped, the window has no size yet", name);
      return;
    }
  paintable = gtk_widget_paintable_new (widget);

  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  /* On a loaded machine a window can be mapped before its first layout:
   * there is nothing to picture yet, which is not the test's failure. */
  if (width <= 0 || height <= 0)
    {
      g_test_message ("screenshot: %s skipped, not laid out yet", name);
      return;
    }
  /* The window background is the toplevel's; paint it first. */
  gtk_snapshot_append_color (snapshot, &(GdkRGBA) { 0.98, 0.98, 0.98, 1.0 },
                             &GRAPHENE_RECT_INIT (0, 0, width, height));
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

void
type_into (GtkWidget  *root,
           const char *row_title,
           const char *text)
{
  GtkWidget *row = find_widget (root, ADW_TYPE_ENTRY_ROW, row_title);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static gboolean
is_sensitive (gpointer widget)
{
  return gtk_widget_is_sensitive (widget);
}

/* A person waits for a button that is busy a moment (the page is still
 * finishing the last action) before pressing it; a button that stays
 * insensitive is a failure. */
void
click (GtkWidget  *root,
       const char *label)
{
  GtkWidget *button = find_widget (root, GTK_TYPE_BUTTON, label);

  if (button == NULL)
    g_error ("No button “%s”", label);
  if (!wait_until (is_sensitive, button, 10000))
    g_error ("The button “%s” cannot be pressed", label);
  gtk_widget_activate (button);
}

void
drop_file (GtkWidget *target_widget,
           GFile     *file)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (target_widget);
  guint n = g_list_model_get_n_items (controllers);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        {
          g_auto(GValue) value = G_VALUE_INIT;
          GSList *list = g_slist_prepend (NULL, file);
          gboolean handled = FALSE;

          g_value_init (&value, GDK_TYPE_FILE_LIST);
          g_value_take_boxed (&value, gdk_file_list_new_from_list (list));
          g_slist_free (list);
          g_signal_emit_by_name (controller, "drop", &value, 10.0, 10.0, &handled);
          g_assert_true (handled);
          return;
        }
    }

  g_assert_not_reached ();
}


GtkWindow *
toplevel_of_type (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_mapped (GTK_WIDGET (window)))
        return GTK_WINDOW (window);
    }

  return NULL;
}

/* -- accessibility: every control has a name -- */

static gboolean
is_control (GtkWidget *widget)
{
  switch (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)))
    {
    case GTK_ACCESSIBLE_ROLE_BUTTON:
    case GTK_ACCESSIBLE_ROLE_CHECKBOX:
    case GTK_ACCESSIBLE_ROLE_RADIO:
    case GTK_ACCESSIBLE_ROLE_SWITCH:
    case GTK_ACCESSIBLE_ROLE_SEARCH_BOX:
    case GTK_ACCESSIBLE_ROLE_TEXT_BOX:
    case GTK_ACCESSIBLE_ROLE_COMBO_BOX:
    case GTK_ACCESSIBLE_ROLE_SPIN_BUTTON:
    case GTK_ACCESSIBLE_ROLE_LINK:
      return TRUE;
    default:
      /* A row a person can activate is read out like a button. */
      return GTK_IS_LIST_BOX_ROW (widget) && gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (widget));
    }
}

/* Whether @accessible is labelled by a label with text under @root. */
static gboolean
labelled_by_text_under (GtkAccessible *accessible,
                        GtkWidget     *root)
{
  if (GTK_IS_LABEL (root) && *gtk_label_get_text (GTK_LABEL (root)) != '\0')
    {
      g_autofree char *mismatch =
        gtk_test_accessible_check_relation (accessible, GTK_ACCESSIBLE_RELATION_LABELLED_BY, root, NULL);

      if (mismatch == NULL)
        return TRUE;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (labelled_by_text_under (accessible, child))
      return TRUE;

  return FALSE;
}

/* What a screen reader gets as the name: the label property (not empty) or
 * a labelled-by relation to a label with text. GTK 4.8 derives it from
 * nothing else: a tooltip does not count, and an icon-only button is
 * "labelled" by its image, which is read out as "GtkImage". The labelling
 * label is looked for in the control and beside it (a row's title). */
static gboolean
has_accessible_name (GtkWidget *widget)
{
  GtkAccessible *accessible = GTK_ACCESSIBLE (widget);
  GtkWidget *parent = gtk_widget_get_parent (widget);

  if (gtk_test_accessible_has_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL))
    {
      g_autofree char *empty = gtk_test_accessible_check_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL, "");

      if (empty != NULL)
        return TRUE;
    }

  if (!gtk_test_accessible_has_relation (accessible, GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    return FALSE;

  return labelled_by_text_under (accessible, parent ? parent : widget);
}

/* The inside of these is theirs: the widget itself carries the name. */
static gboolean
is_composite (GtkWidget *widget)
{
  return GTK_IS_MENU_BUTTON (widget) || GTK_IS_DROP_DOWN (widget) || GTK_IS_SEARCH_ENTRY (widget) ||
         GTK_IS_ENTRY (widget) || GTK_IS_PASSWORD_ENTRY (widget) || GTK_IS_SPIN_BUTTON (widget) ||
         GTK_IS_POPOVER (widget);
}

void
collect_unnamed_controls (GtkWidget  *root,
                          const char *where,
                          GString    *report)
{
  if (root == NULL || !gtk_widget_get_mapped (root))
    return;

  if (is_control (root) && !has_accessible_name (root))
    {
      const char *tooltip = gtk_widget_get_tooltip_text (root);
      GtkWidget *parent = gtk_widget_get_parent (root);

      g_string_append_printf (report, "%s: an unnamed %s (in %s%s%s)\n", where,
                              G_OBJECT_TYPE_NAME (root),
                              parent ? G_OBJECT_TYPE_NAME (parent) : "nothing",
                              tooltip ? ", tooltip " : "", tooltip ? tooltip : "");
    }

  /* A row that does nothing when activated is not a Tab stop of its own:
   * the focus goes straight to its buttons. */
  if (GTK_IS_LIST_BOX_ROW (root) && !ADW_IS_ENTRY_ROW (root) && !ADW_IS_COMBO_ROW (root) &&
      gtk_widget_get_focusable (root) && !gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (root)) &&
      (!gtk_list_box_row_get_selectable (GTK_LIST_BOX_ROW (root)) ||
       (GTK_IS_LIST_BOX (gtk_widget_get_parent (root)) &&
        gtk_list_box_get_selection_mode (GTK_LIST_BOX (gtk_widget_get_parent (root))) == GTK_SELECTION_NONE)))
    g_string_append_printf (report, "%s: a Tab stop that does nothing, %s “%s”\n", where,
                            G_OBJECT_TYPE_NAME (root),
                            ADW_IS_PREFERENCES_ROW (root) ? adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)) : "");

  if (is_composite (root))
    return;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_unnamed_controls (child, where, report);
}

/* -- keyboard: what a key press would do -- */

static gboolean
trigger_matches (GtkShortcutTrigger *trigger,
                 guint               keyval,
                 GdkModifierType     mods)
{
  if (GTK_IS_ALTERNATIVE_TRIGGER (trigger))
    return trigger_matches (gtk_alternative_trigger_get_first (GTK_ALTERNATIVE_TRIGGER (trigger)), keyval, mods) ||
           trigger_matches (gtk_alternative_trigger_get_second (GTK_ALTERNATIVE_TRIGGER (trigger)), keyval, mods);

  if (!GTK_IS_KEYVAL_TRIGGER (trigger))
    return FALSE;

  return gdk_keyval_to_lower (gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger))) ==
           gdk_keyval_to_lower (keyval) &&
         (gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) & gtk_accelerator_get_default_mod_mask ()) ==
           (mods & gtk_accelerator_get_default_mod_mask ());
}

static gboolean
run_shortcuts_of (GtkWidget       *widget,
                  guint            keyval,
                  GdkModifierType  mods)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (trigger_matches (gtk_shortcut_get_trigger (shortcut), keyval, mods) &&
              gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                            gtk_shortcut_get_arguments (shortcut)))
            return TRUE;
        }
    }

  return FALSE;
}

gboolean
press_shortcut (GtkWindow       *window,
                guint            keyval,
                GdkModifierType  mods)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  for (GtkWidget *w = focus ? focus : GTK_WIDGET (window); w != NULL; w = gtk_widget_get_parent (w))
    if (run_shortcuts_of (w, keyval, mods))
      return TRUE;

  return FALSE;
}

/* -- running the application -- */

static void
on_first_activate (GApplication *application,
                   GSourceFunc   script)
{
  g_signal_handlers_disconnect_by_func (application, on_first_activate, script);
  g_idle_add (script, NULL);
}

/* A call sync (automatic, or when an account is added) would bring in the
 * sandbox's whole history (5,000 calls) while a test drives something
 * else, and on a loaded machine make its timings flaky: tests sync when
 * they mean to, a history small enough to check.
 * (GSETTINGS_BACKEND=memory: settings live as long as the process.) */
void
ui_test_settings_init (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  g_settings_set_uint (settings, "sync-interval", 0);
  g_settings_set_uint (settings, "sandbox-history-size", UI_TEST_HISTORY_SIZE);
}

int
run_sandbox_app (GovorunApplication **app,
                 GSourceFunc          script)
{
  char *argv[] = { (char *) "govorun", (char *) "--sandbox", NULL };
  int status;

  ui_test_settings_init ();
  *app = govorun_application_new ();
  g_application_set_flags (G_APPLICATION (*app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (*app, "activate", G_CALLBACK (on_first_activate), script);

  status = g_application_run (G_APPLICATION (*app), 2, argv);
  g_clear_object (app);

  return status;
}

const char *
ui_demo_reception_agent (void)
{
  const char *locale = g_getenv ("GOVORUN_TEST_LOCALE");

  return locale != NULL && g_str_has_prefix (locale, "ru") ? "Администратор клиники „Здоровье“"
                                                           : "Reception (clinic)";
}
