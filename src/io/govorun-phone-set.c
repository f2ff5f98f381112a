/* govorun-phone-set.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunPhoneSet"

#include "config.h"

#include "govorun-phone-set.h"

struct _GovorunPhoneSet
{
  guint64 *keys;   /* 0: an empty slot (no E.164 number is 0) */
  guint   *rows;
  guint    capacity;  /* a power of two */
  guint    size;
  guint    duplicates;
};

GovorunPhoneSet *
govorun_phone_set_new (void)
{
  GovorunPhoneSet *self = g_new0 (GovorunPhoneSet, 1);

  self->capacity = 1024;
  self->keys = g_new0 (guint64, self->capacity);
  self->rows = g_new0 (guint, self->capacity);
  return self;
}

void
govorun_phone_set_free (GovorunPhoneSet *self)
{
  if (self == NULL)
    return;
  g_free (self->keys);
  g_free (self->rows);
  g_free (self);
}

/* "+79161234567" as 79161234567; 0 for anything else. */
static guint64
key_of (const char *e164)
{
  guint64 key = 0;
  guint n = 0;

  /* No country code starts with 0, so no two numbers share a key. */
  if (e164 == NULL || e164[0] != '+' || e164[1] == '0')
    return 0;
  for (const char *p = e164 + 1; *p != '\0'; p++, n++)
    {
      if (*p < '0' || *p > '9' || n >= 15)
        return 0;
      key = key * 10 + (guint64) (*p - '0');
    }
  return key;
}

static inline guint
slot_of (guint64 key,
         guint   mask)
{
  /* Fibonacci hashing: the numbers of one list differ in their last digits. */
  return (guint) ((key * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15)) >> 32) & mask;
}

static guint
find_slot (const GovorunPhoneSet *self,
           guint64                key)
{
  guint mask = self->capacity - 1;
  guint i = slot_of (key, mask);

  while (self->keys[i] != 0 && self->keys[i] != key)
    i = (i + 1) & mask;
  return i;
}

static void
grow (GovorunPhoneSet *self)
{
  guint64 *old_keys = self->keys;
  guint *old_rows = self->rows;
  guint old_capacity = self->capacity;

  self->capacity *= 2;
  self->keys = g_new0 (guint64, self->capacity);
  self->rows = g_new0 (guint, self->capacity);
  for (guint i = 0; i < old_capacity; i++)
    if (old_keys[i] != 0)
      {
        guint slot = find_slot (self, old_keys[i]);

        self->keys[slot] = old_keys[i];
        self->rows[slot] = old_rows[i];
      }
  g_free (old_keys);
  g_free (old_rows);
}

gboolean
govorun_phone_set_add (GovorunPhoneSet *self,
                       const char      *e164,
                       guint            row,
                       guint           *out_first_row)
{
  guint64 key = key_of (e164);
  guint slot;

  g_return_val_if_fail (self != NULL, FALSE);

  if (key == 0)
    return FALSE;
  /* At most half full, so that probes stay short. */
  if ((self->size + 1) * 2 > self->capacity)
    grow (self);

  slot = find_slot (self, key);
  if (self->keys[slot] == key)
    {
      self->duplicates++;
      if (out_first_row != NULL)
        *out_first_row = self->rows[slot];
      return FALSE;
    }
  self->keys[slot] = key;
  self->rows[slot] = row;
  self->size++;
  return TRUE;
}

gboolean
govorun_phone_set_contains (GovorunPhoneSet *self,
                            const char      *e164)
{
  guint64 key = key_of (e164);

  g_return_val_if_fail (self != NULL, FALSE);

  return key != 0 && self->keys[find_slot (self, key)] == key;
}

guint
govorun_phone_set_get_size (GovorunPhoneSet *self)
{
  return self->size;
}

guint
govorun_phone_set_get_duplicates (GovorunPhoneSet *self)
{
  return self->duplicates;
}
