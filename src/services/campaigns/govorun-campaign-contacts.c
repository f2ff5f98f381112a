/* govorun-campaign-contacts.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunCampaigns"

#include "config.h"

#include "govorun-campaign-contact.h"
#include "govorun-campaign-contacts.h"
#include "govorun-campaign-records.h"

/* A screenful is some 30 rows. */
#define PAGE_SIZE 100
/* 50 pages: 5,000 contacts in memory whatever the campaign's size. */
#define MAX_PAGES 50

typedef struct
{
  guint      index;
  GPtrArray *items;     /* PAGE_SIZE placeholders (or fewer on the last page) */
  gboolean   loaded;
  gboolean   loading;
} Page;

struct _GovorunCampaignContacts
{
  GObject          parent_instance;

  GovorunStore    *store;
  GovorunCampaign *campaign;
  char            *campaign_id;
  guint            n_items;
  GHashTable      *pages;        /* index → Page */
  GQueue           order;        /* page indexes, oldest first */
  GCancellable    *cancellable;
};

static void govorun_campaign_contacts_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (GovorunCampaignContacts, govorun_campaign_contacts, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, govorun_campaign_contacts_model_init))

static void
page_free (Page *page)
{
  g_ptr_array_unref (page->items);
  g_free (page);
}

typedef struct
{
  GovorunCampaignContacts *self;  /* weak: the cancellable guards it */
  guint                    index;
} Fetch;

static void
copy_contact (GovorunCampaignContact *to,
              GovorunCampaignContact *from)
{
  g_object_freeze_notify (G_OBJECT (to));
  govorun_campaign_contact_set_row (to, govorun_campaign_contact_get_row (from));
  govorun_campaign_contact_set_phone (to, govorun_campaign_contact_get_phone (from));
  govorun_campaign_contact_set_variables (to, govorun_campaign_contact_get_variables (from));
  govorun_campaign_contact_set_task_uuid (to, govorun_campaign_contact_get_task_uuid (from));
  govorun_campaign_contact_set_status (to, govorun_campaign_contact_get_status (from));
  govorun_campaign_contact_set_attempts_left (to, govorun_campaign_contact_get_attempts_left (from));
  govorun_campaign_contact_set_last_attempt (to, govorun_campaign_contact_get_last_attempt (from));
  govorun_campaign_contact_set_result (to, govorun_campaign_contact_get_result (from));
  govorun_campaign_contact_set_call_record_id (to, govorun_campaign_contact_get_call_record_id (from));
  g_object_thaw_notify (G_OBJECT (to));
}

static void
on_page (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autofree Fetch *fetch = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) contacts = govorun_campaign_records_read_contacts_finish (GOVORUN_STORE (source), result,
                                                                                 &error);
  GovorunCampaignContacts *self;
  Page *page;

  if (contacts == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not read a campaign's contacts: %s", error->message);
      return;
    }
  self = fetch->self;
  page = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (fetch->index));
  if (page == NULL)
    return;
  page->loading = FALSE;
  page->loaded = TRUE;
  for (guint i = 0; i < contacts->len && i < page->items->len; i++)
    copy_contact (g_ptr_array_index (page->items, i), g_ptr_array_index (contacts, i));
}

static void
fetch_page (GovorunCampaignContacts *self,
            Page                    *page)
{
  Fetch *fetch = g_new0 (Fetch, 1);

  fetch->self = self;
  fetch->index = page->index;
  page->loading = TRUE;
  govorun_campaign_records_read_contacts_async (self->store, self->campaign_id,
                                                (gint64) page->index * PAGE_SIZE + 1, PAGE_SIZE,
                                                self->cancellable, on_page, fetch);
}

static Page *
get_page (GovorunCampaignContacts *self,
          guint                    index)
{
  Page *page = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (index));
  guint len;

  if (page != NULL)
    return page;
  while (g_queue_get_length (&self->order) >= MAX_PAGES)
    g_hash_table_remove (self->pages, g_queue_pop_head (&self->order));
  page = g_new0 (Page, 1);
  page->index = index;
  len = MIN (PAGE_SIZE, self->n_items - index * PAGE_SIZE);
  page->items = g_ptr_array_new_full (len, g_object_unref);
  for (guint i = 0; i < len; i++)
    g_ptr_array_add (page->items, govorun_campaign_contact_new ());
  g_hash_table_insert (self->pages, GUINT_TO_POINTER (index), page);
  g_queue_push_tail (&self->order, GUINT_TO_POINTER (index));
  fetch_page (self, page);
  return page;
}

static GType
govorun_campaign_contacts_get_item_type (GListModel *model)
{
  return GOVORUN_TYPE_CAMPAIGN_CONTACT;
}

static guint
govorun_campaign_contacts_get_n_items (GListModel *model)
{
  return GOVORUN_CAMPAIGN_CONTACTS (model)->n_items;
}

static gpointer
govorun_campaign_contacts_get_item (GListModel *model,
                                    guint       position)
{
  GovorunCampaignContacts *self = GOVORUN_CAMPAIGN_CONTACTS (model);
  Page *page;

  if (position >= self->n_items)
    return NULL;
  page = get_page (self, position / PAGE_SIZE);
  if (position % PAGE_SIZE >= page->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (page->items, position % PAGE_SIZE));
}

static void
govorun_campaign_contacts_model_init (GListModelInterface *iface)
{
  iface->get_item_type = govorun_campaign_contacts_get_item_type;
  iface->get_n_items = govorun_campaign_contacts_get_n_items;
  iface->get_item = govorun_campaign_contacts_get_item;
}

/* Progress changed: the pages in memory are read again (their items stay
 * the same objects), and the count follows the campaign's. */
static void
on_campaign_changed (GovorunCampaignContacts *self)
{
  guint old = self->n_items;
  GHashTableIter iter;
  gpointer value;

  self->n_items = govorun_campaign_get_total (self->campaign);
  if (self->n_items != old)
    {
      g_hash_table_remove_all (self->pages);
      g_queue_clear (&self->order);
      g_list_model_items_changed (G_LIST_MODEL (self), 0, old, self->n_items);
      return;
    }
  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (!((Page *) value)->loading)
      fetch_page (self, value);
}

static void
govorun_campaign_contacts_dispose (GObject *object)
{
  GovorunCampaignContacts *self = GOVORUN_CAMPAIGN_CONTACTS (object);

  g_cancellable_cancel (self->cancellable);
  if (self->campaign != NULL)
    g_signal_handlers_disconnect_by_data (self->campaign, self);
  g_clear_object (&self->campaign);
  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_queue_clear (&self->order);

  G_OBJECT_CLASS (govorun_campaign_contacts_parent_class)->dispose (object);
}

static void
govorun_campaign_contacts_finalize (GObject *object)
{
  GovorunCampaignContacts *self = GOVORUN_CAMPAIGN_CONTACTS (object);

  g_free (self->campaign_id);

  G_OBJECT_CLASS (govorun_campaign_contacts_parent_class)->finalize (object);
}

static void
govorun_campaign_contacts_class_init (GovorunCampaignContactsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = govorun_campaign_contacts_dispose;
  object_class->finalize = govorun_campaign_contacts_finalize;
}

static void
govorun_campaign_contacts_init (GovorunCampaignContacts *self)
{
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) page_free);
  self->cancellable = g_cancellable_new ();
}

GovorunCampaignContacts *
govorun_campaign_contacts_new (GovorunStore    *store,
                               GovorunCampaign *campaign)
{
  GovorunCampaignContacts *self = g_object_new (GOVORUN_TYPE_CAMPAIGN_CONTACTS, NULL);

  self->store = g_object_ref (store);
  self->campaign = g_object_ref (campaign);
  self->campaign_id = g_strdup (govorun_campaign_get_id (campaign));
  self->n_items = govorun_campaign_get_total (campaign);
  g_signal_connect_swapped (campaign, "notify::done", G_CALLBACK (on_campaign_changed), self);
  g_signal_connect_swapped (campaign, "notify::total", G_CALLBACK (on_campaign_changed), self);
  g_signal_connect_swapped (campaign, "notify::state", G_CALLBACK (on_campaign_changed), self);
  return self;
}
