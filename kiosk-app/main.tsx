import './zod-jitless.ts';
import { render } from 'preact';
import { LocationProvider, Router, Route, lazy } from 'preact-iso';

// Each screen is its own chunk so a terminal loads only what it shows.
const Kiosk = lazy(() => import('./kiosk/index.tsx'));
const Board = lazy(() => import('./board/index.tsx'));
const Pad = lazy(() => import('./pad/index.tsx'));
const Counter = lazy(() => import('./counter/index.tsx'));
const Admin = lazy(() => import('./admin/index.tsx'));

function App() {
  return (
    <LocationProvider>
      <Router>
        <Route path="/kiosk" component={Kiosk} />
        <Route path="/board" component={Board} />
        <Route path="/pad/:window" component={Pad} />
        <Route path="/counter/:window" component={Counter} />
        <Route path="/admin/*" component={Admin} />
        <Route path="/admin" component={Admin} />
        <Route default component={Kiosk} />
      </Router>
    </LocationProvider>
  );
}

const root = document.getElementById('app');
if (root) render(<App />, root);
// The worker registers once the screen is up; its code (workbox-window) is not on the first-paint path.
addEventListener('load', () => void import('./shared/ui/swUpdate.ts').then((m) => m.registerServiceWorker()));
