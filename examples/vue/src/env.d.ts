// Vue's GlobalComponents types for the five tags: props, events, slots.
import type {} from '@connect-auth/elements/vue';
