/* test-ui-analysis.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Analysis section of an ElevenLabs agent's page, as a person uses it
 * in the sandbox: the first-message warning and its fix, a Russian
 * template applied after a confirmation that lists the changes (one PATCH
 * of only the analysis settings; applying it again sends nothing), a field
 * added and typed, the privacy controls saved alone, a save after a change
 * made elsewhere (Replace Theirs, Load Their Version). Screenshots in both
 * languages.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "govorun-agent-analysis-section.h"
#include "govorun-agent-dialog.h"
#include "govorun-sandbox.h"
#include "ui-app.h"
#include "ui-helpers.h"

#define AGENT_NAME "Analysis line"
/* Privacy as another computer saves it: kept N days, recordings deleted or not. */
#define OUTSIDE_PRIVACY(days, delete_audio) \
  "{\"privacy\":{\"retention_days\":" #days ",\"delete_transcript_and_pii\":false," \
  "\"delete_audio\":" #delete_audio ",\"record_voice\":true}}"

static gboolean done;
static char *el_agent_id;

static GovorunServices *
services (void)
{
  return govorun_application_get_services (ui_app_get ());
}

static GovorunElevenlabsEmulator *
emulator (void)
{
  return govorun_sandbox_get_elevenlabs (govorun_application_get_sandbox (ui_app_get ()));
}

static gboolean
is_done (gpointer data)
{
  return done;
}

static GovorunAccount *
account_of_kind (GovorunAccountKind kind)
{
  GListModel *accounts = G_LIST_MODEL (govorun_services_get_accounts (services ()));

  for (guint i = 0; i < g_list_model_get_n_items (accounts); i++)
    {
      g_autoptr(GovorunAccount) account = g_list_model_get_item (accounts, i);

      if (govorun_account_get_kind (account) == kind)
        return account;  /* the store keeps it */
    }
  g_assert_not_reached ();
}

static void
on_listed (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GPtrArray) agents = NULL;
  g_autoptr(GError) error = NULL;

  agents = govorun_agent_catalog_list_finish (GOVORUN_AGENT_CATALOG (object), result, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (agents->len, >=, 1);
  el_agent_id = g_strdup (govorun_voice_agent_get_id (g_ptr_array_index (agents, 0)));
  done = TRUE;
}

static void
on_saved (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GovorunAgent) agent = NULL;
  g_autoptr(GError) error = NULL;

  agent = govorun_agent_store_save_finish (GOVORUN_AGENT_STORE (object), result, &error);
  g_assert_no_error (error);
  done = TRUE;
}

/* The demo reception agent (whose greeting puts the robot notice in its
 * third sentence) as a Govorun agent. */
static void
save_agent (void)
{
  GovorunAccount *el = account_of_kind (GOVORUN_ACCOUNT_KIND_ELEVENLABS);
  g_autoptr(GovorunAgent) agent = govorun_agent_new ();

  done = FALSE;
  govorun_agent_catalog_list_async (govorun_services_get_agent_catalog (services ()), el,
                                    ui_demo_reception_agent (), NULL, NULL, on_listed, NULL);
  g_assert_true (wait_until (is_done, NULL, 10000));

  govorun_agent_set_name (agent, AGENT_NAME);
  govorun_agent_set_engine (agent, GOVORUN_AGENT_ENGINE_ELEVENLABS);
  govorun_agent_set_el_account_uuid (agent, govorun_account_get_uuid (el));
  govorun_agent_set_el_agent_id (agent, el_agent_id);
  govorun_agent_set_vox_account_uuid (agent, govorun_account_get_uuid (account_of_kind (GOVORUN_ACCOUNT_KIND_VOXIMPLANT)));
  done = FALSE;
  govorun_agent_store_save_async (govorun_services_get_agents (services ()), agent, NULL, on_saved, NULL);
  g_assert_true (wait_until (is_done, NULL, 5000));
}

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  if (GTK_IS_LIST_BOX_ROW (root) && g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static guint
patch_count (void)
{
  guint count = 0;
  g_autofree char *body = govorun_elevenlabs_emulator_dup_last_agent_patch (emulator (), &count);

  return count;
}

static gboolean
count_reached (gpointer data)
{
  return patch_count () >= GPOINTER_TO_UINT (data);
}

/* The paths of the last PATCH body's leaves' parents, e.g.
 * "platform_settings.privacy", sorted and joined with commas. */
static void
collect_paths (JsonObject *object,
               const char *prefix,
               GPtrArray  *paths)
{
  g_autoptr(GList) names = json_object_get_members (object);

  for (GList *l = names; l != NULL; l = l->next)
    {
      g_autofree char *path = prefix ? g_strconcat (prefix, ".", l->data, NULL) : g_strdup (l->data);
      JsonNode *node = json_object_get_member (object, l->data);

      /* The analysis maps and the privacy object are leaves here. */
      if (JSON_NODE_HOLDS_OBJECT (node) && !g_str_has_suffix (path, "data_collection")
          && !g_str_has_suffix (path, "evaluation") && !g_str_has_suffix (path, "privacy"))
        collect_paths (json_node_get_object (node), path, paths);
      else
        g_ptr_array_add (paths, g_steal_pointer (&path));
    }
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static char *
last_patch_paths (JsonNode **out_root)
{
  g_autofree char *body = govorun_elevenlabs_emulator_dup_last_agent_patch (emulator (), NULL);
  g_autoptr(JsonNode) root = json_from_string (body, NULL);
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);

  g_assert_nonnull (root);
  collect_paths (json_node_get_object (root), NULL, paths);
  g_ptr_array_sort (paths, compare_strings);
  g_ptr_array_add (paths, NULL);
  if (out_root != NULL)
    *out_root = g_steal_pointer (&root);
  return g_strjoinv (",", (char **) paths->pdata);
}

static gboolean
section_loaded (gpointer data)
{
  return find_widget (GTK_WIDGET (data), ADW_TYPE_ACTION_ROW, _("First Message")) != NULL;
}

static gboolean
widget_hidden (gpointer data)
{
  return !gtk_widget_get_visible (GTK_WIDGET (data));
}

/* Scrolls the page so @widget is at the top, for a screenshot. The point
 * is in the viewport's (scrolled) coordinates, hence relative. */
static void
scroll_to (GtkWidget *widget)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

  for (guint i = 0; i < 2; i++)
    {
      graphene_point_t point;

      settle (300);
      g_assert_true (gtk_widget_compute_point (widget, scrolled, &GRAPHENE_POINT_INIT (0, 0), &point));
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + point.y);
    }
  settle (300);
}

static void
shot (GtkWidget  *window,
      const char *name)
{
  g_autofree char *file = g_strdup_printf ("analysis-%s%s.png", name, ui_app_is_russian () ? "-ru" : "");

  screenshot (window, file);
}

/* The dialog on top fits a 1024×600 screen. */
static void
assert_fits (GtkWidget *dialog)
{
  int min_width, min_height;

  gtk_widget_measure (dialog, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  gtk_widget_measure (dialog, GTK_ORIENTATION_VERTICAL, min_width, &min_height, NULL, NULL, NULL);
  g_assert_cmpint (min_width, <=, 1024);
  g_assert_cmpint (min_height, <=, 600);
  g_assert_cmpint (gtk_widget_get_height (dialog), <=, 600);
}

/* Nothing is being read or saved: the template menu is offered again. */
static void
wait_idle (GtkWidget *section)
{
  settle (200);
  ui_wait_sensitive (find_widget (section, GTK_TYPE_MENU_BUTTON, _("Add Russian criteria and fields for a kind of business")));
}

static GtkWidget *
wait_dialog (void)
{
  return ui_wait_toplevel (ADW_TYPE_MESSAGE_DIALOG);
}

static GtkWidget *
find_expander (GtkWidget  *root,
               const char *title)
{
  if (ADW_IS_EXPANDER_ROW (root) && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_expander (child, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static const char *
demo_concierge_agent (void)
{
  return ui_app_is_russian () ? "Консьерж гостиницы „Роял“" : "Hotel concierge";
}

/* 6. The wizard warns about the concierge's greeting (the recording notice
 * is in its third sentence) and fixes it after a confirmation. */
static void
test_wizard (GtkWidget *window)
{
  GtkWidget *dialog;
  GtkWidget *fix;
  GtkWidget *confirm;
  g_autofree char *paths = NULL;
  guint count = patch_count ();

  gtk_widget_activate (find_named (window, "agents"));
  settle (300);
  g_assert_true (gtk_widget_activate_action (window, "win.new-agent", NULL));
  dialog = ui_wait_toplevel (GOVORUN_TYPE_AGENT_DIALOG);
  gtk_widget_activate (ui_wait_widget (dialog, ADW_TYPE_ACTION_ROW, demo_concierge_agent ()));
  ui_wait_widget (dialog, ADW_TYPE_ACTION_ROW, _("First Message"));
  fix = ui_wait_widget (dialog, GTK_TYPE_BUTTON, _("_Fix…"));
  g_assert_true (gtk_widget_get_visible (fix));
  scroll_to (find_widget (dialog, ADW_TYPE_ACTION_ROW, _("First Message")));
  shot (dialog, "wizard-warning");
  click (dialog, _("_Fix…"));
  confirm = wait_dialog ();
  click (confirm, _("_Rewrite"));
  g_assert_true (wait_until (count_reached, GUINT_TO_POINTER (count + 1), 15000));
  paths = last_patch_paths (NULL);
  g_assert_cmpstr (paths, ==, "conversation_config.agent.first_message");
  g_assert_true (wait_until (widget_hidden, fix, 15000));
  scroll_to (find_widget (dialog, ADW_TYPE_ACTION_ROW, _("First Message")));
  shot (dialog, "wizard-fixed");
  gtk_window_close (GTK_WINDOW (dialog));
  ui_wait_closed (GOVORUN_TYPE_AGENT_DIALOG);
}

static gboolean
run_script (gpointer user_data)
{
  GtkWidget *window;
  GtkWidget *section;
  GtkWidget *dialog;
  GtkWidget *fix;
  GtkWidget *row;
  GtkWidget *entry;
  GtkWidget *type;
  GtkWidget *toggle;
  g_autofree char *paths = NULL;
  g_autoptr(JsonNode) root = NULL;
  guint count;

  ui_app_wait_ready ();
  window = GTK_WIDGET (ui_app_main_window ());
  save_agent ();

  gtk_widget_activate (find_named (window, "agents"));
  gtk_widget_activate (ui_wait_widget (window, ADW_TYPE_ACTION_ROW, AGENT_NAME));
  section = ui_wait_widget (window, GOVORUN_TYPE_AGENT_ANALYSIS_SECTION, NULL);
  g_assert_true (wait_until (section_loaded, section, 15000));

  /* 1. The greeting says "robot" only in its third sentence: warned. */
  row = find_widget (section, ADW_TYPE_ACTION_ROW, _("First Message"));
  g_assert_true (gtk_widget_has_css_class (row, "warning"));
  fix = find_widget (section, GTK_TYPE_BUTTON, _("_Fix…"));
  g_assert_nonnull (fix);
  g_assert_nonnull (find_widget (section, ADW_TYPE_ACTION_ROW, _("Calls Are Kept Outside Russia")));
  scroll_to (section);
  shot (window, "warning");

  /* 2. A template, after a confirmation listing what it adds. */
  count = patch_count ();
  g_assert_true (gtk_widget_activate_action (section, "analysis.apply-template", "s", "clinic"));
  dialog = wait_dialog ();
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "Цель звонка достигнута"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "urgency"));
  shot (dialog, "template");
  assert_fits (dialog);
  click (dialog, _("_Apply and Save"));
  ui_wait_closed (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_true (wait_until (count_reached, GUINT_TO_POINTER (count + 1), 15000));
  paths = last_patch_paths (NULL);
  g_assert_cmpstr (paths, ==, "platform_settings.data_collection,platform_settings.evaluation");
  ui_wait_widget (section, ADW_TYPE_EXPANDER_ROW, "Цель звонка достигнута");
  ui_wait_widget (section, ADW_TYPE_EXPANDER_ROW, "urgency");
  wait_idle (section);

  /* Again: nothing changes, nothing is sent, no dialog. */
  settle (300);
  g_assert_true (gtk_widget_activate_action (section, "analysis.apply-template", "s", "clinic"));
  settle (500);
  g_assert_null (toplevel_of_type (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpuint (patch_count (), ==, count + 1);

  /* 3. A field of its own: added, named, typed, saved. */
  click (section, _("Add Field"));
  settle (500);
  /* find_widget () reads "_" as a mnemonic: look the name up as it is. */
  row = find_expander (section, "field_7");
  g_assert_nonnull (row);
  entry = ui_wait_widget (row, ADW_TYPE_ENTRY_ROW, _("Name"));
  gtk_editable_set_text (GTK_EDITABLE (entry), "visits");
  type = find_widget (row, ADW_TYPE_COMBO_ROW, _("Type"));
  adw_combo_row_set_selected (ADW_COMBO_ROW (type), 2);
  gtk_editable_set_text (GTK_EDITABLE (find_widget (row, ADW_TYPE_ENTRY_ROW, _("Description"))),
                         "Сколько раз клиент уже был в клинике");
  click (section, _("_Save"));
  g_assert_true (wait_until (count_reached, GUINT_TO_POINTER (count + 2), 15000));
  wait_idle (section);
  g_clear_pointer (&paths, g_free);
  paths = last_patch_paths (&root);
  g_assert_cmpstr (paths, ==, "platform_settings.data_collection");
  g_assert_cmpstr (json_object_get_string_member (
                     json_object_get_object_member (
                       json_object_get_object_member (
                         json_object_get_object_member (json_node_get_object (root), "platform_settings"),
                         "data_collection"),
                       "visits"),
                     "type"), ==, "integer");
  ui_wait_widget (section, ADW_TYPE_EXPANDER_ROW, "visits");

  /* 4. The privacy controls, saved alone. */
  row = find_widget (section, ADW_TYPE_ACTION_ROW, _("Delete Recordings"));
  toggle = find_widget (row, GTK_TYPE_SWITCH, NULL);
  wait_idle (section);
  gtk_switch_set_active (GTK_SWITCH (toggle), TRUE);
  click (section, _("_Save"));
  g_assert_true (wait_until (count_reached, GUINT_TO_POINTER (count + 3), 15000));
  wait_idle (section);
  g_clear_pointer (&paths, g_free);
  paths = last_patch_paths (NULL);
  g_assert_cmpstr (paths, ==, "platform_settings.privacy");

  /* 4b. Changed at ElevenLabs after this computer read it (another
   * computer, or ElevenLabs' website): the save asks, and Replace Theirs
   * sends the draft over theirs... */
  g_assert_true (govorun_elevenlabs_emulator_set_agent_platform_settings (emulator (), el_agent_id, OUTSIDE_PRIVACY (5, true)));
  gtk_switch_set_active (GTK_SWITCH (toggle), FALSE);
  click (section, _("_Save"));
  dialog = wait_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, _("Changed on Another Computer"));
  g_assert_cmpuint (patch_count (), ==, count + 3);
  shot (dialog, "changed-elsewhere");
  assert_fits (dialog);
  click (dialog, _("_Replace Theirs"));
  ui_wait_closed (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_true (wait_until (count_reached, GUINT_TO_POINTER (count + 4), 15000));
  wait_idle (section);
  g_clear_pointer (&paths, g_free);
  paths = last_patch_paths (NULL);
  g_assert_cmpstr (paths, ==, "platform_settings.privacy");

  /* ... and Load Their Version drops the draft and shows theirs, sending
   * nothing. */
  g_assert_true (govorun_elevenlabs_emulator_set_agent_platform_settings (emulator (), el_agent_id, OUTSIDE_PRIVACY (6, false)));
  row = find_widget (section, ADW_TYPE_ACTION_ROW, _("Delete Recordings"));
  toggle = find_widget (row, GTK_TYPE_SWITCH, NULL);
  gtk_switch_set_active (GTK_SWITCH (toggle), TRUE);
  click (section, _("_Save"));
  dialog = wait_dialog ();
  click (dialog, _("_Load Their Version"));
  ui_wait_closed (ADW_TYPE_MESSAGE_DIALOG);
  settle (300);
  g_assert_true (wait_until (section_loaded, section, 15000));
  wait_idle (section);
  row = find_widget (section, ADW_TYPE_ACTION_ROW, _("Delete Recordings"));
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (find_widget (row, GTK_TYPE_SWITCH, NULL))));
  g_assert_cmpuint (patch_count (), ==, count + 4);
  count++;

  /* 5. The fix, after a confirmation: only the first message is sent. */
  settle (500);
  fix = ui_wait_widget (section, GTK_TYPE_BUTTON, _("_Fix…"));
  click (section, _("_Fix…"));
  dialog = wait_dialog ();
  shot (dialog, "fix");
  assert_fits (dialog);
  click (dialog, _("_Rewrite"));
  ui_wait_closed (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_true (wait_until (count_reached, GUINT_TO_POINTER (count + 4), 15000));
  g_clear_pointer (&paths, g_free);
  paths = last_patch_paths (NULL);
  g_assert_cmpstr (paths, ==, "conversation_config.agent.first_message");
  g_assert_true (wait_until (widget_hidden, fix, 15000));
  row = find_widget (section, ADW_TYPE_ACTION_ROW, _("First Message"));
  g_assert_false (gtk_widget_has_css_class (row, "warning"));

  scroll_to (section);
  shot (window, "section");
  scroll_to (find_widget (section, ADW_TYPE_EXPANDER_ROW, "Цель звонка достигнута"));
  shot (window, "criteria");

  test_wizard (window);

  g_application_quit (G_APPLICATION (ui_app_get ()));
  return G_SOURCE_REMOVE;
}

int
main (int   argc,
      char *argv[])
{
  return ui_app_main (argc, argv, "/Govorun/UI/analysis", run_script);
}
