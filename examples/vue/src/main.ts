// Registers the five elements (a side-effect import: keep it, bundlers must not drop it).
import '@connect-auth/elements/all';
import { createApp } from 'vue';
import App from './App.vue';

createApp(App).mount('#app');
