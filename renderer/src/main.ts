/** The renderer's entry: Vue, Pinia, Pinia Colada (the data layer) and the app. */
import { createApp } from 'vue';
import { createPinia } from 'pinia';
import App from './App.vue';
import { installDataLayer } from './api/data-layer';
import './styles.css';

installDataLayer(createApp(App).use(createPinia())).mount('#app');
